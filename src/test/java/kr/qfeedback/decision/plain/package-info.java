/**
 * The plain reference path, frozen as it was before the performance work (commit 348a793): rule
 * outcomes straight from {@code RuleSet.evaluateUncached}, facts derived with streams, templates
 * filled with regular expressions from a map of every placeholder value, and JSON written through
 * a Vert.x {@code JsonObject} tree. Test code only: {@code OptimisedDecisionsMatchPlainEvaluationTest}
 * compares every optimised decision with the one this package makes. Do not optimise it.
 */
package kr.qfeedback.decision.plain;
