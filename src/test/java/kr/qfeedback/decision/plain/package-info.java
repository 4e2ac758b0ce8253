/**
 * The plain reference path, frozen as it was before the performance work (commit 348a793): rule
 * outcomes straight from {@code RuleSet.evaluateUncached}, facts derived with streams, templates
 * filled with regular expressions from a map of every placeholder value, and JSON written through
 * a Vert.x {@code JsonObject} tree. Test code only: {@code OptimisedDecisionsMatchPlainEvaluationTest}
 * compares every optimised decision with the one this package makes. Do not optimise it.
 *
 * <p>Apart from that freeze it follows the law changes of the decision semantics (commits 41d07cf and
 * 03f3e04): criteria from the parameters with their exceptions, exact and whole-paper judgement, the
 * exemption window's 민법 160조 end, usable rounds and proviso, the youth programme's age, the
 * effective document situation, the written exam as the next round when the exemption has none left
 * or the pass is void, the series schedule choice, related qualifications, the new placeholders and
 * section data, Q-Net's round names and two-form Korean particles. These are written here in the
 * plain style again, not taken from the main path; of main code only the parameters' look-ups
 * ({@code Parameters.criterion}, {@code requiresDocuments}) and {@code ExamRound.withDate} are called.
 */
package kr.qfeedback.decision.plain;
