package io.tributary.alert;

import java.util.List;

/**
 * One kind of rule: from what an event batch touched (its facts already read), the signals of one rule. A check reads
 * the graph's settled state, not the events, so that events arriving late, twice or out of order conclude the same.
 */
interface Check {

    RuleKind kind();

    List<Signal> evaluate(AlertRule rule, Touched touched);
}
