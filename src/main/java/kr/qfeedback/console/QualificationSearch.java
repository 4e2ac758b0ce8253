package kr.qfeedback.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import kr.qfeedback.reference.Qualification;
import kr.qfeedback.reference.ReferenceCatalogue;

/**
 * The qualification picker of the console: qualifications of the reference data whose name
 * contains the query (spaces ignored) or whose code starts with it. Only qualifications with a
 * grade are listed, since a feedback request needs one.
 */
public final class QualificationSearch {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;

    private QualificationSearch() {}

    public static JsonObject search(ReferenceCatalogue catalogue, String query, int limit) {
        String q = normalise(query);
        List<Qualification> found = new ArrayList<>();
        for (Qualification qualification : catalogue.all()) {
            if (qualification.grade() != null && matches(qualification, q)) {
                found.add(qualification);
            }
        }
        found.sort(Comparator.comparingInt((Qualification x) -> rank(x, q)).thenComparing(Qualification::code));
        JsonArray items = new JsonArray();
        found.stream()
                .limit(limit)
                .forEach(x -> items.add(new JsonObject()
                        .put("code", x.code())
                        .put("name", x.name())
                        .put("grade", x.grade().name())
                        .put("series", x.series())
                        .put("writtenSubjects", new JsonArray(x.writtenSubjects()))
                        .put("secondStageSubjects", new JsonArray(x.secondStageSubjects()))));
        return new JsonObject()
                .put("snapshotUpdated", catalogue.snapshotUpdated())
                .put("total", found.size())
                .put("qualifications", items);
    }

    private static boolean matches(Qualification x, String q) {
        return q.isEmpty() || x.code().startsWith(q) || normalise(x.name()).contains(q);
    }

    /** Exact name or code first, then names starting with the query, then the rest. */
    private static int rank(Qualification x, String q) {
        String name = normalise(x.name());
        if (q.isEmpty()) {
            return 0;
        }
        if (name.equals(q) || x.code().equals(q)) {
            return 0;
        }
        return name.startsWith(q) ? 1 : 2;
    }

    private static String normalise(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
