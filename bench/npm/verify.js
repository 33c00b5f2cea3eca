// Checks a promptfoo output file (eval -o OUT.json) of the npm runner reference, and prints one
// line of counts: every test ran, with ASSERTIONS assertions each, none of them in error, and the
// echo provider's output is the reply exactly as written (no Nunjucks rendering on the way).
//
//   node verify.js OUT.json TESTS ASSERTIONS
//
// Exit status 1 when any of that is not so (the reasons on stderr).
'use strict';
const fs = require('fs');

function passCounts(results) {
  const counts = new Map();  // "type (index)" -> passed
  for (const result of results) {
    (result.gradingResult?.componentResults ?? []).forEach((component, index) => {
      const key = `${index + 1}:${component.assertion?.type}`;
      counts.set(key, (counts.get(key) ?? 0) + (component.pass ? 1 : 0));
    });
  }
  return counts;
}

function problems(results, tests, assertions) {
  const found = [];
  if (results.length !== tests) found.push(`${results.length} results, not ${tests}`);
  results.forEach((result, index) => {
    const ran = result.gradingResult?.componentResults?.length ?? 0;
    if (ran !== assertions) found.push(`test ${index + 1}: ${ran} assertions ran, not ${assertions}`);
    // failureReason 2 is promptfoo's ResultFailureReason.ERROR (1 is a failed assertion).
    if (result.failureReason === 2) found.push(`test ${index + 1}: ${String(result.error).slice(0, 200)}`);
    const reply = result.vars?.reply?.text;
    if (result.response?.output !== reply)
      found.push(`test ${index + 1}: output ${JSON.stringify(result.response?.output)} is not the reply ${JSON.stringify(reply)}`);
  });
  return found;
}

function main([file, tests, assertions]) {
  const output = JSON.parse(fs.readFileSync(file, 'utf8'));
  const results = output.results?.results ?? [];
  const stats = output.results?.stats ?? {};
  const ran = results.reduce((n, r) => n + (r.gradingResult?.componentResults?.length ?? 0), 0);
  const perAssertion = [...passCounts(results)].map(([key, passed]) => `${key} ${passed}`).join(', ');
  console.log(`${results.length} replies, ${ran} assertions run; replies passing every assertion ${stats.successes}, ` +
              `failing ${stats.failures}, errors ${stats.errors}; passed per assertion: ${perAssertion}`);
  const found = problems(results, Number(tests), Number(assertions));
  for (const problem of found.slice(0, 10)) console.error(`verify.js: ${problem}`);
  if (found.length > 10) console.error(`verify.js: … ${found.length - 10} more`);
  return found.length === 0 && stats.errors === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
