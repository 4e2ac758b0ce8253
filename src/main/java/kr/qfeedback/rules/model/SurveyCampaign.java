package kr.qfeedback.rules.model;

/** Present in working memory while the satisfaction-survey campaign switch is on. */
public record SurveyCampaign() {}
