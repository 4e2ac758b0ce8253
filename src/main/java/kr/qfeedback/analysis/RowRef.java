package kr.qfeedback.analysis;

/**
 * A rule as staff find it: {@code label} such as {@code 섹션표시 23행} or {@code judgements.drl 12번째 줄},
 * the row's description (column B) or the DRL rule's name, and the source {@code rules/…:row N}.
 */
public record RowRef(String label, String description, String source) {

    /** The label with the description, e.g. {@code 섹션표시 23행('필기 불합격: 불합격 결과')}. */
    String described() {
        return description == null || description.isBlank() || description.equals(label)
                ? label
                : label + "('" + description + "')";
    }

    /** The label without its table name when {@code other} is in the same table: {@code 24행}. */
    String shortAfter(RowRef other) {
        int a = label.lastIndexOf(' ');
        int b = other.label.lastIndexOf(' ');
        if (a > 0 && b > 0 && label.substring(0, a).equals(other.label.substring(0, b))) {
            return label.substring(a + 1);
        }
        return label;
    }
}
