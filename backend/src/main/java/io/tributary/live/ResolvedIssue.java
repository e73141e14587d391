package io.tributary.live;

import io.tributary.entity.DatasetView;
import io.tributary.entity.JobView;
import io.tributary.entity.RunView;
import java.time.OffsetDateTime;

/** The GraphQL {@code ResolvedIssue}: an issue that stopped, with the run that stopped it and the run it concerned. */
record ResolvedIssue(
        String kind,
        OffsetDateTime time,
        String summary,
        JobView job,
        DatasetView dataset,
        RunView run,
        RunView failedRun) {}
