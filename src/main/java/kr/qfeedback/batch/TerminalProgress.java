package kr.qfeedback.batch;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A progress bar on the terminal (me.tongfei progressbar, on standard error) with the rate and ETA. */
public final class TerminalProgress implements ProgressSink {
    private final String taskName;
    private ProgressBar bar;

    public TerminalProgress(String taskName) {
        this.taskName = taskName;
    }

    @Override
    public void start(long totalLines) {
        bar = new ProgressBarBuilder()
                .setTaskName(taskName)
                .setInitialMax(totalLines)
                .setUnit(" lines", 1)
                .showSpeed(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setUpdateIntervalMillis(500)
                .build();
    }

    @Override
    public void total(long totalLines) {
        if (bar != null) {
            bar.maxHint(totalLines);
        }
    }

    @Override
    public void update(long linesDone) {
        if (bar != null) {
            bar.stepTo(linesDone);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
