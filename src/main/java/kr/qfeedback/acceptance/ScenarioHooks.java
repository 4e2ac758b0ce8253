package kr.qfeedback.acceptance;

import io.cucumber.java.After;
import io.cucumber.java.Before;

/** Gives every scenario a fresh {@link CurrentScenario} that all step classes share, and drops it afterwards. */
public class ScenarioHooks {

    @Before
    public void startScenario() {
        CurrentScenario.begin();
    }

    @After
    public void endScenario() {
        CurrentScenario.end();
    }
}
