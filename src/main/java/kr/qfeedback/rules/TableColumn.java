package kr.qfeedback.rules;

/**
 * One column of a decision table as staff see it: its index and letter, its keyword, what it holds,
 * the profile field an enumerated column tests, and the first line of its header.
 */
record TableColumn(int index, String letter, String keyword, ColumnKind kind, String field, String header) {}
