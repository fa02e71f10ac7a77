import QRCode from "qrcode";
import qrcodeTerminal from "qrcode-terminal";
import type { PlatformHealth } from "../types.js";

export type ScanState = "waiting" | "scanned" | "confirmed" | "timeout" | "cancel" | "unknown";

/** What the playground page shows under `wechat` in GET /api/status. */
export interface WechatStatus {
  state: PlatformHealth["state"];
  detail?: string;
  /** The login QR code payload (a URL) while waiting for a scan. */
  qrCode?: string;
  /** The same QR code as a PNG data URL, for the page's <img>. */
  qrImage?: string;
  /** The logged-in account's WeChat name. */
  user?: string;
}

/**
 * The WeChat login as the operator sees it: a QR code to scan (printed in the terminal and kept
 * for /healthz and the playground page), then the logged-in account, or a logout.
 */
export class LoginState {
  private status: WechatStatus = { state: "stopped" };
  private imageFor?: string;

  constructor(private readonly print: (text: string) => void) {}

  current(): WechatStatus {
    return { ...this.status };
  }

  health(): PlatformHealth {
    const { state, detail, qrCode } = this.status;
    return { platform: "wechat", state, ...(detail ? { detail } : {}), ...(qrCode ? { qrCode } : {}) };
  }

  starting(): void {
    this.status = { state: "starting" };
  }

  /** A new QR code (or a change in its scan state). Resolves once the page's image is ready. */
  async scanned(qrCode: string, scan: ScanState): Promise<void> {
    if (scan === "confirmed") {
      this.status = { ...this.status, detail: "scan confirmed, logging in" };
      return;
    }
    const fresh = qrCode !== "" && qrCode !== this.status.qrCode;
    this.status = { state: "waiting-for-login", detail: `scan ${scan}`, ...(qrCode ? { qrCode, qrImage: this.imageFor === qrCode ? this.status.qrImage : undefined } : {}) };
    if (!fresh) return;
    this.print(`请用作为机器人的微信扫码登录 / scan to log in to WeChat:\n${qrCode}\n${terminalCode(qrCode)}`);
    this.imageFor = qrCode;
    const image = await QRCode.toDataURL(qrCode, { margin: 1, width: 240 }).catch(() => undefined);
    // A newer code may have come in while this one was drawn.
    if (image && this.status.qrCode === qrCode) this.status = { ...this.status, qrImage: image };
  }

  loggedIn(user: string): void {
    this.imageFor = undefined;
    this.status = { state: "running", user };
  }

  loggedOut(reason?: string): void {
    this.imageFor = undefined;
    this.status = { state: "logged-out", ...(reason ? { detail: reason } : {}) };
  }

  failed(reason: string): void {
    this.status = { ...this.status, state: "error", detail: reason };
  }

  stopped(): void {
    this.imageFor = undefined;
    this.status = { state: "stopped" };
  }
}

function terminalCode(payload: string): string {
  let drawn = "";
  qrcodeTerminal.generate(payload, { small: true }, (code) => {
    drawn = code;
  });
  return drawn;
}
