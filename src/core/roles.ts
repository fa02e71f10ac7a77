import type { Storage } from "../ports/storage/index.js";
import type { Role } from "./feature.js";

/** Who is staff (config STAFF plus grants) and which role others chose (leader or volunteer). */
export class Roles {
  private readonly stored;

  constructor(
    storage: Storage,
    private readonly staffFromConfig: ReadonlySet<string>,
  ) {
    this.stored = storage.namespace<{ role: Role; by?: string }>("roles");
  }

  async isStaff(user: string): Promise<boolean> {
    if (this.staffFromConfig.has(user)) return true;
    return (await this.stored.get(user))?.role === "staff";
  }

  async roleOf(user: string): Promise<Role> {
    if (this.staffFromConfig.has(user)) return "staff";
    return (await this.stored.get(user))?.role ?? "volunteer";
  }

  async setRole(user: string, role: Role, by?: string): Promise<void> {
    await this.stored.set(user, { role, by });
  }
}
