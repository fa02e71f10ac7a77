import { loadConfig } from "./config/load.js";
import { ConfigError } from "./core/errors.js";
import { projectPath } from "./core/paths.js";

const usage = `incubot command line

  npm run -s cli -- ask --jsonl            questions as JSON lines on stdin → answers on stdout
  npm run -s cli -- extract --jsonl        messages as JSON lines on stdin → structured reports
  npm run -s cli -- export --month YYYY-MM [--format csv|xlsx] --out FILE
  npm run -s cli -- eval-reports [FILE…] [--quiet]
                                           score report sets (default ../shared/eval/reports_dev.jsonl and reports_dev2.jsonl), misses listed
  npm run -s cli -- eval-turns [FILE]      score the dialog's turn classifier (default its unseen examples)
  npm run -s cli -- eval-dialogs [FILE] [--quiet] [--photo-marks]   play report dialogs (default ../shared/eval/dialogs_dev.jsonl)
  npm run -s cli -- eval-qa [FILE]         score QA sets (default ../shared/eval/qa_dev.jsonl and qa_dev2.jsonl)
  npm run -s cli -- backup --out FILE      every stored record of the store named by DATA_URL, as JSON lines
  npm run -s cli -- restore FILE [--force] load a backup into the store named by DATA_URL (empty, unless --force)
`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  // The CLI answers from the same code paths as the chat, but never calls a network LLM.
  const loaded = loadConfig();
  const config = { ...loaded, llm: { ...loaded.llm, baseUrl: null, model: null } };
  switch (command) {
    case "ask": {
      if (!args.includes("--jsonl")) break;
      const { runAskJsonl } = await import("./features/qa/cli.js");
      await runAskJsonl(process.stdin, process.stdout, { config });
      return 0;
    }
    case "extract": {
      if (!args.includes("--jsonl")) break;
      const { runExtractJsonl } = await import("./features/reports/cli.js");
      await runExtractJsonl(process.stdin, process.stdout, { config });
      return 0;
    }
    case "export": {
      const month = option(args, "month");
      const out = option(args, "out");
      const format = (option(args, "format") ?? "xlsx") as "csv" | "xlsx";
      if (!out || (month && !/^\d{4}-\d{2}$/.test(month)) || !["csv", "xlsx"].includes(format)) break;
      const { runExport } = await import("./features/reports/cli.js");
      const summary = await runExport({ month, format, out, config });
      process.stderr.write(`${summary}\n`);
      return 0;
    }
    case "backup":
    case "restore": {
      const file = command === "backup" ? option(args, "out") : args.find((argument) => !argument.startsWith("--"));
      if (!file) break;
      const { runBackup, runRestore } = await import("./backup-cli.js");
      const result = command === "backup" ? await runBackup(config.storage.url, file) : await runRestore(config.storage.url, file, args.includes("--force"));
      process.stderr.write(`${result.message}\n`);
      return result.code;
    }
    case "eval-qa": {
      const { runEvalQa } = await import("./features/qa/cli.js");
      const files = args.length > 0 ? args : ["qa_dev.jsonl", "qa_dev2.jsonl"].map((name) => projectPath(`../shared/eval/${name}`));
      process.stdout.write(`${await runEvalQa(files, { config })}\n`);
      return 0;
    }
    case "eval-reports": {
      const { runEvalReportFiles } = await import("./features/reports/cli.js");
      const files = args.filter((arg) => !arg.startsWith("--"));
      const defaults = ["../shared/eval/reports_dev.jsonl", "../shared/eval/reports_dev2.jsonl"].map(projectPath);
      const { text, missingFiles } = await runEvalReportFiles(files.length ? files : defaults, { config, verbose: !args.includes("--quiet") });
      process.stdout.write(`${text}\n`);
      return missingFiles > 0 ? 1 : 0;
    }
    case "eval-turns": {
      const { readFileSync } = await import("node:fs");
      const { parseTurnExamples, scoreTurns } = await import("./features/reports/turns.js");
      const file = args[0] ?? projectPath("test/fixtures/reports/turn-examples-unseen.tsv");
      const score = scoreTurns(parseTurnExamples(readFileSync(file, "utf8")));
      const percent = (value: number) => `${((value / score.total) * 100).toFixed(1)}%`;
      process.stdout.write(`${score.misses.join("\n")}\nturn kinds read right: ${score.exact}/${score.total} (${percent(score.exact)}); answer/correction/new report taken as one: ${score.coarse}/${score.total} (${percent(score.coarse)})  ${file}\n`);
      return 0;
    }
    case "eval-dialogs": {
      const { runEvalDialogs } = await import("./features/reports/dialog-eval.js");
      const file = args.find((arg) => !arg.startsWith("--")) ?? projectPath("../shared/eval/dialogs_dev.jsonl");
      const result = await runEvalDialogs(file, { config, verbose: !args.includes("--quiet"), photoMarks: args.includes("--photo-marks") });
      process.stdout.write(`${result.text}\n`);
      return result.total === 0 ? 1 : 0;
    }
  }
  process.stderr.write(usage);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack ?? error}\n`);
    process.exitCode = error instanceof ConfigError ? 2 : 1;
  },
);
