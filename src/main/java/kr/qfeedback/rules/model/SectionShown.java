package kr.qfeedback.rules.model;

/**
 * Collector a decision-table row inserts when it shows a section; the row's later columns fill in
 * order, tone, message and the stage its data is about. Mutable only inside working memory: the
 * evaluator converts it to an immutable choice at the edge. Rules that react to it should match on
 * {@code id} only, as the other fields are set after insertion.
 */
public final class SectionShown {
    private final String id;
    private final String rule;
    private Integer order;
    private String tone;
    private String message;
    private String dataStage;

    public SectionShown(String id, String rule) {
        this.id = id;
        this.rule = rule;
    }

    public String getId() {
        return id;
    }

    public String getRule() {
        return rule;
    }

    public Integer getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }

    public String getTone() {
        return tone;
    }

    public void setTone(String tone) {
        this.tone = tone;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getDataStage() {
        return dataStage;
    }

    public void setDataStage(String dataStage) {
        this.dataStage = dataStage;
    }
}
