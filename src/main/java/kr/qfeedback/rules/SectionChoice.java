package kr.qfeedback.rules;

import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.feedback.Tone;

/** One section the rules chose to show, converted out of working memory. */
public record SectionChoice(
        SectionId id, int order, Tone tone, String message, DataStage dataStage, RuleSource decidedBy) {}
