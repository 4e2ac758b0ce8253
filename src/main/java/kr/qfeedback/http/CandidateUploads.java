package kr.qfeedback.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import kr.qfeedback.lifecycle.CheckReport;
import kr.qfeedback.lifecycle.RuleUpload;
import kr.qfeedback.lifecycle.RulesLifecycle;
import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSetException;
import kr.qfeedback.wire.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload of rule files (a zip of the rules folder or single edited files) laid over the active
 * version as a candidate folder under {@code uploads}, for the time one piece of rules work needs
 * it; the folder is always removed afterwards.
 */
final class CandidateUploads {
    private static final Logger LOG = LoggerFactory.getLogger(CandidateUploads.class);

    /** What is done with the candidate's files while they exist. */
    interface CandidateWork {
        JsonObject apply(RuleFiles files);
    }

    private final RulesLifecycle lifecycle;
    private final Path uploads;

    CandidateUploads(RulesLifecycle lifecycle, Path uploads) {
        this.lifecycle = lifecycle;
        this.uploads = uploads;
    }

    /** Materialises the upload as a candidate folder, runs the work, and always removes the folder. */
    JsonObject with(RoutingContext ctx, CandidateWork work) {
        RuleUpload upload = new RuleUpload();
        try {
            for (FileUpload f : ctx.fileUploads()) {
                upload.add(f.fileName(), Files.readAllBytes(Path.of(f.uploadedFileName())));
            }
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (ctx.fileUploads().isEmpty()
                    && type != null
                    && type.startsWith("application/zip")
                    && ctx.body().buffer() != null) {
                upload.add("rules.zip", ctx.body().buffer().getBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuleSetException e) {
            return RulesJson.check(new CheckReport(null, e.problems(), null));
        }
        if (upload.isEmpty()) {
            throw ApiError.invalid(
                    "files",
                    "Upload rule files as multipart/form-data (any field name; a .zip of the whole rules "
                            + "folder or single edited files such as sections.drl.xlsx), or send a zip with Content-Type: application/zip.");
        }
        Path dir = null;
        try {
            Files.createDirectories(uploads);
            dir = Files.createTempDirectory(uploads, "candidate-");
            RuleFiles active = lifecycle
                    .active()
                    .current()
                    .map(r -> lifecycle.store().find(r.version()).isPresent()
                            ? lifecycle.store().load(r.version())
                            : null)
                    .orElse(null);
            RuleFiles files;
            try {
                files = upload.materialise(active, dir);
            } catch (RuleSetException e) {
                return RulesJson.check(new CheckReport(null, e.problems(), null));
            }
            return work.apply(files);
        } catch (IOException e) {
            throw new UncheckedIOException("The candidate folder could not be prepared under " + uploads + ".", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("could not remove {} after a rules request: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not remove {} after a rules request: {}", dir, e.getMessage());
        }
    }
}
