package kr.qfeedback.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kr.qfeedback.records.DecisionRecord;
import kr.qfeedback.wire.DecisionRecordText;

/** The records of one block taken in one flush, and their lines; read by look-ups on other threads. */
final class RecordBatch {
    final List<DecisionRecord> records = Collections.synchronizedList(new ArrayList<>());
    final DecisionRecordText.Lines lines = new DecisionRecordText.Lines();

    void add(DecisionRecord record) {
        records.add(record);
        lines.add(record);
    }

    DecisionRecord find(String decisionId) {
        synchronized (records) {
            for (DecisionRecord record : records) {
                if (record.isOf(decisionId)) {
                    return record;
                }
            }
        }
        return null;
    }
}
