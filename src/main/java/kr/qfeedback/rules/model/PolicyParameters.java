package kr.qfeedback.rules.model;

/** The staff-editable numbers and switches the rules read (rules/parameters.yaml). */
public record PolicyParameters(
        int exemptionExpiringDays, int youthMaxAge, boolean youthDiscountEnabled, boolean surveyEnabled) {}
