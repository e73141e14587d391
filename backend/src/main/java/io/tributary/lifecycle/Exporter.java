package io.tributary.lifecycle;

import io.tributary.archive.ArchivedJson;
import io.tributary.ingest.ContentEncoding;
import io.tributary.job.SourceCodePolicy;
import io.tributary.store.GraphStore;
import io.tributary.store.Parameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the export page by page: every archived raw event as one NDJSON line in (event time, id) order, then the soft
 * deletes in force ({@link DeletionLine}), each page read after the last one's cursor, so that memory stays one page
 * whatever the store's size. Jobs' source code is left out unless the operator exposes it (as the {@code events}
 * query does).
 */
@Component
class Exporter {

    private static final int PAGE = 1000;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    /** An archived event as the export reads it; {@code eventTime} and {@code id} are the next page's cursor. */
    private record ExportedEvent(String id, ZonedDateTime eventTime, String json) {

        static ExportedEvent from(Record r) {
            return new ExportedEvent(r.get("id").asString(), r.get("eventTime").asZonedDateTime(), ArchivedJson.of(r));
        }
    }

    private record EventsAfter(ZonedDateTime afterTime, String afterId, int limit) {}

    private record DeletionsAfter(String afterKind, String afterNamespace, String afterName, int limit) {}

    private final GraphStore store;
    private final SourceCodePolicy sourceCode;
    private final JsonMapper json;

    Exporter(GraphStore store, SourceCodePolicy sourceCode, JsonMapper json) {
        this.store = store;
        this.sourceCode = sourceCode;
        this.json = json;
    }

    /** A new export, encoded as given; with {@code withDeletions} false, the events only. */
    Export open(boolean withDeletions, ContentEncoding encoding) {
        return new Export(withDeletions, encoding);
    }

    /** One export in progress: its cursor, and the encoding stream that spans all its pages. */
    final class Export {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final OutputStream out;
        private EventsAfter events = new EventsAfter(null, null, PAGE);
        private boolean eventsDone;
        /** Whether soft deletes are still to be written (none are when the client asked for events only). */
        private boolean deletionsLeft;

        private DeletionsAfter deletions = new DeletionsAfter(null, null, null, PAGE);
        private boolean done;

        private Export(boolean withDeletions, ContentEncoding encoding) {
            this.deletionsLeft = withDeletions;
            try {
                this.out = encoding.encode(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next chunk of the body (one page, encoded), or null when everything was sent. */
        byte[] next() {
            if (done) {
                return null;
            }
            try {
                if (!eventsDone) {
                    eventsDone = writeEvents();
                } else if (deletionsLeft) {
                    deletionsLeft = !writeDeletions();
                }
                if (eventsDone && !deletionsLeft) {
                    done = true;
                    out.close();
                } else {
                    out.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] chunk = bytes.toByteArray();
            bytes.reset();
            return chunk;
        }

        /** One page of events; true when it was the last. */
        private boolean writeEvents() throws IOException {
            List<ExportedEvent> page = store.read(
                    "lifecycle/export-page", Parameters.of(events), result -> result.list(ExportedEvent::from));
            for (ExportedEvent event : page) {
                out.write(line(event.json()));
                out.write('\n');
            }
            if (page.size() < PAGE) {
                return true;
            }
            events = new EventsAfter(page.getLast().eventTime(), page.getLast().id(), PAGE);
            return false;
        }

        /** One page of soft deletes; true when it was the last. */
        private boolean writeDeletions() throws IOException {
            List<DeletionLine> page = store.read(
                    "lifecycle/export-deletions", Parameters.of(deletions), result -> result.list(DeletionLine::from));
            for (DeletionLine deletion : page) {
                out.write(deletion.toJson(json));
                out.write('\n');
            }
            if (page.size() < PAGE) {
                return true;
            }
            DeletionLine last = page.getLast();
            deletions = new DeletionsAfter(last.kind(), last.namespace(), last.name(), PAGE);
            return false;
        }
    }

    /**
     * One line per event. JSON allows raw line breaks only as whitespace between tokens, so turning them into spaces
     * keeps the event identical (its id is a hash of its canonical form); source code goes unless exposed.
     */
    private byte[] line(String event) {
        String text = event;
        if (!sourceCode.exposed() && (text.contains("\"sourceCode\"") || text.contains("\"environmentVariables\""))) {
            text = json.writeValueAsString(sourceCode.event(json.readValue(text, OBJECT)));
        }
        return text.replace('\n', ' ').replace('\r', ' ').getBytes(StandardCharsets.UTF_8);
    }
}
