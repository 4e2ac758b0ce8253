/**
 * The rules lifecycle on disk: published versions kept by content hash ({@link kr.qfeedback.lifecycle.VersionStore}),
 * what changed between two versions ({@link kr.qfeedback.lifecycle.RuleDiff}) and the hash-chained, append-only
 * audit trail of who published or rolled back what ({@link kr.qfeedback.lifecycle.AuditLog}).
 */
package kr.qfeedback.lifecycle;
