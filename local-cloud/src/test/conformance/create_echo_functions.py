#!/usr/bin/env python3
"""Creates the echo Lambda functions a conformance corpus's `lambda` cases call, through the local Lambda API.

The corpus names each function by ARN in its cases' "lambdas" field (behaviour "echo": the function returns its
input). This script creates every such function on a running local cloud with the sample handler
dev.awstestharness.localcloud.samples.EchoHandler, so that `run.py --include-lambda` finds them. The ARNs carry the
account they were recorded in (111111111111), so start the server with that account:

    java -jar local-cloud/target/local-cloud-*-standalone.jar --port 0 --account-id 111111111111
    python3 local-cloud/src/test/conformance/create_echo_functions.py --endpoint http://127.0.0.1:PORT \
        ../shared/conformance/visible.jsonl
    python3 ../shared/conformance/run.py ../shared/conformance/visible.jsonl --endpoint http://127.0.0.1:PORT \
        --category lambda --include-lambda

Standard library only. Exit status 0 when every function exists afterwards, 1 otherwise.
"""
import argparse
import json
import sys
import urllib.error
import urllib.request

ECHO_HANDLER = "dev.awstestharness.localcloud.samples.EchoHandler"


def echo_functions(corpus_path):
    arns = set()
    with open(corpus_path, encoding="utf-8") as corpus:
        for line in corpus:
            if not line.strip():
                continue
            case = json.loads(line)
            for arn, spec in (case.get("lambdas") or {}).items():
                if spec.get("behaviour") == "echo":
                    arns.add(arn)
    return sorted(arns)


def create(endpoint, arn):
    account = arn.split(":")[4]
    body = json.dumps({
        "FunctionName": arn,
        "Runtime": "java21",
        "Handler": ECHO_HANDLER,
        "Role": "arn:aws:iam::%s:role/conformance-echo" % account,
        "Code": {"ZipFile": ""},
    }).encode("utf-8")
    request = urllib.request.Request(endpoint.rstrip("/") + "/2015-03-31/functions", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return "created", json.loads(response.read())["FunctionArn"]
    except urllib.error.HTTPError as error:
        detail = json.loads(error.read() or b"{}")
        if error.code == 409:
            return "exists", arn
        return "failed", "%s: %s" % (error.headers.get("x-amzn-ErrorType"), detail.get("message"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="JSON Lines corpus (visible.jsonl)")
    parser.add_argument("--endpoint", required=True, help="local cloud endpoint, e.g. http://127.0.0.1:4566")
    args = parser.parse_args()
    failed = 0
    for arn in echo_functions(args.corpus):
        outcome, detail = create(args.endpoint, arn)
        print("%-8s %s" % (outcome, detail))
        failed += outcome == "failed"
    if failed:
        print("%d function(s) could not be created; is the server running with --account-id of the ARNs?" % failed, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
