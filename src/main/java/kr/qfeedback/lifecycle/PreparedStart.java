package kr.qfeedback.lifecycle;

import kr.qfeedback.rules.RuleFiles;
import kr.qfeedback.rules.RuleSet;

/**
 * A start-up's version, compiled and checked, not yet active ({@link RulesLifecycle#prepareStart}):
 * the rules folder as read, the rules that go live, whether they are the store's active version
 * already (nothing is recorded then), and the store's active version before (null when none).
 */
public record PreparedStart(RuleFiles onDisk, RuleSet rules, boolean alreadyActive, String previous) {}
