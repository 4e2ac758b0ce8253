package kr.qfeedback.reference.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import kr.qfeedback.reference.ReferenceDataException;

/** The two date spellings of the Q-Net snapshot: ISO dates (empty = unset) and raw API dates. */
public final class QnetDates {

    private QnetDates() {}

    /**
     * An ISO date ({@code 2026-03-11}) as written by the snapshot; null or blank means "not set".
     *
     * @param where file and field, used in the error message
     */
    public static LocalDate iso(String value, String where) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new ReferenceDataException(
                    where + ": expected an ISO date (yyyy-MM-dd) or \"\", got \"" + value + "\"", e);
        }
    }

    /**
     * A raw API date ({@code 20260311}); null, blank or {@code XXXXXXXX} means "not set".
     *
     * @param where file and field, used in the error message
     */
    public static LocalDate compact(String value, String where) {
        if (value == null || value.isBlank() || value.trim().matches("X+")) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim(), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new ReferenceDataException(
                    where + ": expected a date yyyyMMdd or \"XXXXXXXX\", got \"" + value + "\"", e);
        }
    }
}
