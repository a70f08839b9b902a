// Runs the built CLI with the given arguments, then prints the process's peak memory
// (all threads) on stderr as "maxRSS <kB>". Plain JavaScript: it runs without a loader.
const main = new URL('../../dist/bin/queuesim.js', import.meta.url).pathname;
process.argv = [process.argv[0], main, ...process.argv.slice(2)];
process.on('exit', () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`));
await import(main);
