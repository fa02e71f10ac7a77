// Minimal typings for the parts of lunar-javascript (untyped CommonJS) that the extractor uses.
declare module "lunar-javascript" {
  export interface SolarDate {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    next(days: number): SolarDate;
    toYmd(): string;
  }
  export interface LunarDate {
    getSolar(): SolarDate;
    getJieQiTable(): Record<string, SolarDate>;
  }
  export const Lunar: {
    fromYmd(year: number, month: number, day: number): LunarDate;
  };
  export const Solar: {
    fromYmd(year: number, month: number, day: number): SolarDate;
  };
}
