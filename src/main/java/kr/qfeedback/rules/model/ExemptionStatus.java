package kr.qfeedback.rules.model;

/** Decided by the rules: ACTIVE, EXPIRING or EXPIRED for the written-exam exemption window. */
public record ExemptionStatus(String status) {}
