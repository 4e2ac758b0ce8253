package kr.qfeedback.bench;

import java.util.ArrayList;
import java.util.List;
import kr.qfeedback.feedback.SectionId;
import kr.qfeedback.rules.Parameters;
import kr.qfeedback.rules.model.Profile;

/**
 * Benchmark code only, never used by the service: the contract's shipped default policy table
 * (docs "The shipped default policy", i.e. rules/sections.drl.xlsx + rules/judgements.drl) written
 * by hand in plain Java, as the floor the rule engine is compared with. It reads the same
 * {@link Profile} the rules read and returns the section ids in display order, like
 * {@code RuleOutcome.sections()}. It goes stale when staff edit the rules: {@link DecisionBenchmark}
 * prints how many cohort requests it agrees with the compiled rules on.
 */
final class HandWrittenPolicy {
    private static final int SECTION_CAPACITY = 12;

    private final int youthMaxAge;
    private final boolean youthDiscount;
    private final boolean survey;

    HandWrittenPolicy(Parameters parameters) {
        this.youthMaxAge = parameters.youthMaxAge();
        this.youthDiscount = parameters.youthDiscountEnabled();
        this.survey = parameters.surveyEnabled();
    }

    List<SectionId> sections(Profile p) {
        List<SectionId> out = new ArrayList<>(SECTION_CAPACITY);
        boolean written = "WRITTEN".equals(p.stage());
        switch (p.result()) {
            case "PASS" -> {
                if (written) {
                    writtenPass(p, out);
                } else {
                    finalPass(p, out);
                }
            }
            case "FAIL" -> {
                if (written) {
                    writtenFail(p, out);
                } else {
                    secondStageFail(p, out);
                }
            }
            case "ABSENT" -> absent(p, out);
            default -> throw new IllegalArgumentException("result " + p.result());
        }
        if (survey) {
            out.add(SectionId.SURVEY);
        }
        return out;
    }

    private void writtenPass(Profile p, List<SectionId> out) {
        out.add(SectionId.RESULT_SUMMARY);
        // Java has already applied who must submit (parameters) and held qualifications: any status
        // but SUBMITTED and NOT_REQUIRED shows the section, and a void pass has no exemption.
        if (!"SUBMITTED".equals(p.documents()) && !"NOT_REQUIRED".equals(p.documents())) {
            out.add(SectionId.ELIGIBILITY_DOCUMENTS);
        }
        if (exemptionKnown(p) && !"NOT_SUBMITTED_OVERDUE".equals(p.documents())) {
            out.add(SectionId.WRITTEN_EXEMPTION);
        }
        if (p.scored()) {
            out.add(SectionId.SCORE_BREAKDOWN);
        }
        out.add(SectionId.PASS_CRITERIA);
        if (p.lowestSubjectScore() != null && p.lowestSubjectScore() < 60.0) {
            out.add(SectionId.WEAK_SUBJECTS);
        }
        if (p.stageStatisticsKnown()) {
            out.add(SectionId.PASSER_COMPARISON);
        }
        if (p.nextStageStatisticsKnown()) {
            out.add(SectionId.PASS_RATE_TREND);
        }
        if (p.stageStatisticsKnown()) {
            out.add(SectionId.PREP_PERIOD);
        }
        if (p.nextStageScheduleKnown()) {
            out.add(SectionId.NEXT_EXAM_SCHEDULE);
        }
        out.add(SectionId.TRAINING);
    }

    private void writtenFail(Profile p, List<SectionId> out) {
        out.add(SectionId.RESULT_SUMMARY);
        if (p.scored()) {
            out.add(SectionId.SCORE_BREAKDOWN);
        }
        out.add(SectionId.PASS_CRITERIA);
        if (p.subjectsScored()) {
            out.add(SectionId.WEAK_SUBJECTS);
        }
        if (p.stageStatisticsKnown()) {
            out.add(SectionId.PASSER_COMPARISON);
            out.add(SectionId.PASS_RATE_TREND);
        }
        out.add(SectionId.REAPPLY);
        if (p.sameStageScheduleKnown()) {
            out.add(SectionId.NEXT_EXAM_SCHEDULE);
        }
        out.add(SectionId.LEARNING_RESOURCES);
        out.add(SectionId.TRAINING);
        if (young(p)) {
            out.add(SectionId.YOUTH_FEE_DISCOUNT);
        }
    }

    private static void finalPass(Profile p, List<SectionId> out) {
        out.add(SectionId.RESULT_SUMMARY);
        out.add(SectionId.CERTIFICATE_ISSUE);
        if (p.scored()) {
            out.add(SectionId.SCORE_BREAKDOWN);
        }
        out.add(SectionId.RELATED_QUALIFICATIONS);
        out.add(SectionId.JOBS);
        out.add(SectionId.TRAINING);
    }

    private void secondStageFail(Profile p, List<SectionId> out) {
        out.add(SectionId.RESULT_SUMMARY);
        if (p.scored()) {
            out.add(SectionId.SCORE_BREAKDOWN);
        }
        out.add(SectionId.PASS_CRITERIA);
        if (p.subjectsScored()) {
            out.add(SectionId.WEAK_SUBJECTS);
        }
        if (p.writtenPassKnown() && exemptionKnown(p)) {
            out.add(SectionId.WRITTEN_EXEMPTION);
        }
        if (p.stageStatisticsKnown()) {
            out.add(SectionId.PASSER_COMPARISON);
            out.add(SectionId.PASS_RATE_TREND);
        }
        out.add(SectionId.REAPPLY);
        if (p.sameStageScheduleKnown()) {
            out.add(SectionId.NEXT_EXAM_SCHEDULE);
        }
        out.add(SectionId.LEARNING_RESOURCES);
        out.add(SectionId.TRAINING);
        if (young(p)) {
            out.add(SectionId.YOUTH_FEE_DISCOUNT);
        }
    }

    private static void absent(Profile p, List<SectionId> out) {
        out.add(SectionId.RESULT_SUMMARY);
        if (p.writtenPassKnown() && exemptionKnown(p)) {
            out.add(SectionId.WRITTEN_EXEMPTION);
        }
        out.add(SectionId.REAPPLY);
        if (p.sameStageScheduleKnown()) {
            out.add(SectionId.NEXT_EXAM_SCHEDULE);
        }
    }

    /**
     * judgements.drl gives every known window exactly one status (EXPIRED / EXPIRING / ACTIVE) and
     * each status and rounds-left value has its own row for the same section, so only "known" matters
     * for the ids.
     */
    private static boolean exemptionKnown(Profile p) {
        return p.exemptionDaysRemaining() != null;
    }

    private boolean young(Profile p) {
        return youthDiscount && p.age() != null && p.age() <= youthMaxAge;
    }
}
