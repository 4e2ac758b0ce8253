package kr.qfeedback.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The qualifications of the reference data, as written by the Q-Net importer into
 * {@code qualifications.json}. Immutable; safe to share between threads.
 */
public final class ReferenceCatalogue {

    /** The file read by {@link #load(Path)}. */
    public static final String FILE_NAME = "qualifications.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String snapshotUpdated;
    private final List<Qualification> all;
    private final Map<String, Qualification> byCode;

    ReferenceCatalogue(String snapshotUpdated, List<Qualification> qualifications) {
        this.snapshotUpdated = snapshotUpdated;
        List<Qualification> sorted = new ArrayList<>(qualifications);
        sorted.sort(Comparator.comparing(Qualification::code));
        this.all = List.copyOf(sorted);
        Map<String, Qualification> map = new HashMap<>();
        for (Qualification q : all) {
            map.put(q.code(), q);
        }
        // A hash map, not Map.copyOf: its look-up compares hashes before keys (a look-up per decision).
        this.byCode = java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Reads {@code qualifications.json} from {@code referenceDir}.
     *
     * @throws ReferenceDataException naming the file and what was wrong when it is missing or malformed
     */
    public static ReferenceCatalogue load(Path referenceDir) {
        Path file = referenceDir.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ReferenceDataException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ReferenceDataException(file + ": file not found", e);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new ReferenceDataException(file + ": file not found", e);
            }
            throw new ReferenceDataException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return new CatalogueReader(file.toString()).catalogue(root);
    }

    public Optional<Qualification> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** Every qualification, sorted by code. */
    public List<Qualification> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /** The date of the Q-Net snapshot the file was imported from (ISO, e.g. "2026-08-21"). */
    public String snapshotUpdated() {
        return snapshotUpdated;
    }
}
