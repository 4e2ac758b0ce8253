package kr.qfeedback.impact;

/**
 * What a candidate reads of a decision besides its sections, counted by impact as a section is:
 * the page's notices, its list of dated reminders (also the calendar's events) and the text
 * messages (SMS and LMS). Reported under these names in a row's {@code section}, after the
 * sections.
 */
enum PagePart {
    NOTICES,
    REMINDERS,
    NOTIFICATIONS
}
