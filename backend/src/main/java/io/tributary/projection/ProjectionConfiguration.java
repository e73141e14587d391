package io.tributary.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.event.EventParser;
import io.tributary.log.EventLog;
import io.tributary.log.LogEnabled;
import io.tributary.store.GraphStore;
import io.tributary.write.CommittedEvents;
import io.tributary.write.GraphChanges;
import io.tributary.write.GraphWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The projector, its progress and read-your-writes: only with an event log ({@code tributary.log.mode}). */
@Configuration(proxyBeanMethods = false)
@Conditional(LogEnabled.class)
class ProjectionConfiguration {

    @Bean
    ProjectionProgress projectionProgress() {
        return new ProjectionProgress();
    }

    @Bean
    Projector projector(
            EventLog log,
            GraphStore store,
            GraphWriter writer,
            EventParser parser,
            CommittedEvents committed,
            GraphChanges changes,
            ProjectionProgress progress,
            ProjectionProperties settings,
            MeterRegistry meters) {
        return new Projector(
                log,
                store,
                writer,
                parser,
                committed,
                changes,
                progress,
                settings,
                meters,
                ProjectorLease.processHolder());
    }

    @Bean
    ReadYourWrites readYourWrites(EventLog log, ProjectionProgress progress, ProjectionProperties settings) {
        return new ReadYourWrites(log, progress, settings);
    }
}
