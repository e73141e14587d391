#!/usr/bin/env python3
"""Splits the service's CPU samples of a benchmark JFR recording by what they were doing.

    jfr print --events jdk.ExecutionSample --stack-depth 200 bench/target/service.jfr > samples.txt
    python3 bench/jfr-profile.py samples.txt

Frames are matched by class and method only: `jfr print` writes each frame with its parameter types, and the frame
every Cypher execution passes through (ExecutionEngine.doExecute) names QueryCache among them, so matching the whole
text counts execution as planning. Samples of the start-up (EmbeddedNeo4j.<init>, SpringApplication.run) are left out.
The first category that matches a sample wins, in the order below.
"""
import collections
import re
import sys

CATEGORIES = [
    ("building rows (io.tributary.write)", lambda s: "io.tributary.write" in s and "org.neo4j.driver" not in s),
    ("driver: packing parameters, reading results", lambda s: "io.tributary.write" in s),
    ("Cypher planning and parsing", lambda s: any(k in s for k in (
        "QueryCache.compile", "frontend.phases.PipeLine", "CypherParsing", "PreParser",
        "cypher.internal.compiler", "CypherPlanner"))),
    ("commit", lambda s: re.search(r"(KernelTransactionImplementation|TransactionImpl|KernelTransaction)\.commit", s)
     or "TransactionCommitProcess" in s),
    ("Cypher execution", lambda s: "org.neo4j.cypher" in s),
    ("Bolt server: unpacking parameters, packing results", lambda s: "org.neo4j.bolt" in s),
    ("JSON-Schema validation", lambda s: "networknt" in s),
    ("JSON parsing and the event model", lambda s: "tools.jackson" in s or "io.tributary.event" in s),
    ("HTTP and Spring", lambda s: any(k in s for k in ("reactor.netty", "io.netty", "springframework"))),
    ("other Neo4j (checkpoints, logs)", lambda s: "org.neo4j" in s),
    ("other (JVM)", lambda s: True),
]
START_UP = ("EmbeddedNeo4j.<init>", "SpringApplication.run")


def frames(sample):
    """The sample's frames as class.method, without parameter types or line numbers."""
    stack = sample.split("stackTrace = [", 1)[1]
    names = []
    for line in stack.splitlines():
        line = line.strip()
        if line and line not in ("]", "}") and not line.startswith("..."):
            names.append(re.sub(r"\(.*", "", line))
    return "\n".join(names)


def main(path):
    samples = open(path, encoding="utf-8").read().split("jdk.ExecutionSample {")[1:]
    counts = collections.Counter()
    start_up = 0
    for sample in samples:
        stack = frames(sample)
        if any(marker in stack for marker in START_UP):
            start_up += 1
            continue
        counts[next(name for name, matches in CATEGORIES if matches(stack))] += 1
    total = sum(counts.values())
    print(f"{total} samples after start-up ({start_up} during start-up left out)")
    for name, count in counts.most_common():
        print(f"{100 * count / total:5.1f}%  {count:6d}  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
