package io.tributary.estate;

import io.tributary.TributaryProperties;
import io.tributary.access.AccessProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The home page's {@code estate} query. */
@Controller
class EstateController {

    /** How far back an unresolved failure still counts as an open issue. */
    private static final Duration OPEN_ISSUES = Duration.ofDays(30);

    /** The GraphQL {@code EstatePeriod}. */
    enum Period {
        DAY(Duration.ofDays(1)),
        WEEK(Duration.ofDays(7)),
        MONTH(Duration.ofDays(30));

        private final Duration length;

        Period(Duration length) {
            this.length = length;
        }
    }

    private final EstateReads reads;
    private final IngestActivity ingest;
    private final Estate.GettingStarted gettingStarted;
    private final Clock clock = Clock.systemUTC();

    EstateController(EstateReads reads, IngestActivity ingest, AccessProperties keys, TributaryProperties properties) {
        this.reads = reads;
        this.ingest = ingest;
        Path generatedKey = keys.generatedKeyFile(properties.dataDir());
        this.gettingStarted = new Estate.GettingStarted(
                "/api/v1/lineage",
                generatedKey == null
                        ? null
                        : generatedKey.toAbsolutePath().normalize().toString());
    }

    @QueryMapping
    Estate estate(@Argument Period period) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime since = now.minus(period.length);
        var figures = reads.read(since, period.length, now.minus(OPEN_ISSUES));
        return new Estate(
                since,
                figures.totals(),
                figures.runsOverTime(),
                figures.openIssues(),
                figures.slowestJobs(),
                figures.failingJobs(),
                figures.staleDatasets(),
                figures.mostConnectedDatasets(),
                ingest.now(),
                gettingStarted);
    }
}
