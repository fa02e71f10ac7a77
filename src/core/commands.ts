import type { CommandSpec } from "./feature.js";
import type { Command } from "./message.js";

/** Resolves slash commands (also `/cmd@botname`) and Chinese aliases to command names. */
export class CommandTable {
  private readonly specs = new Map<string, CommandSpec>();
  private readonly aliases: Array<[string, string]> = [];

  add(spec: CommandSpec): void {
    if (this.specs.has(spec.name)) throw new Error(`command /${spec.name} is registered twice; give one feature the command`);
    this.specs.set(spec.name, spec);
    for (const alias of spec.aliases ?? []) this.aliases.push([alias, spec.name]);
    // Longest alias first, so 报活动 wins over 报.
    this.aliases.sort((a, b) => b[0].length - a[0].length);
  }

  spec(name: string): CommandSpec | undefined {
    return this.specs.get(name);
  }

  all(): CommandSpec[] {
    return [...this.specs.values()];
  }

  /**
   * `/name args`, `/name@bot args`, or an alias alone or followed by a space or colon
   * (「培训」「通知 明天停电」); an alias running into other words (「培训什么时候」) is just text.
   */
  parse(text: string): Command | undefined {
    const trimmed = text.trim();
    const slash = /^[/／]([A-Za-z][\w-]*)(?:@\S+)?(?:\s+([\s\S]*))?$/.exec(trimmed);
    if (slash) return { name: slash[1]!.toLowerCase(), args: (slash[2] ?? "").trim() };
    for (const [alias, name] of this.aliases) {
      for (const candidate of [alias, `/${alias}`, `／${alias}`]) {
        if (trimmed === candidate) return { name, args: "" };
        if (trimmed.startsWith(candidate) && /^[\s:：]/.test(trimmed.slice(candidate.length))) {
          return { name, args: trimmed.slice(candidate.length).replace(/^[\s:：]+/, "").trim() };
        }
      }
    }
    return undefined;
  }
}
