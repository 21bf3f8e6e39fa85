import { describe, expect, it } from "vitest";
import { officeParts, resolveOffices, splitOffice } from ".";

const known = new Set(["政研处", "财务处", "基金监督处", "考试院", "各社保处", "农工处"]);
const isOffice = (n: string) => known.has(n);

describe("splitOffice", () => {
  it.each([
    ["开展新闻报道（政研处）", "开展新闻报道", "政研处"],
    ["报名参加职业资格考试、职称评审人数(考试院）", "报名参加职业资格考试、职称评审人数", "考试院"],
    ["聘请第三方检查频次（财务处、基金监督处）", "聘请第三方检查频次", "财务处、基金监督处"],
    ["企业薪酬调查户数（农工处）", "企业薪酬调查户数", "农工处"],
    ["城镇新增就业人数", "城镇新增就业人数", null],
  ])("%s → %s / %s", (printed, name, office) => {
    const r = splitOffice(printed, isOffice);
    expect(r.name).toBe(name);
    expect(r.officeText).toBe(office);
  });

  it("keeps a bracket that is not an office in the name", () => {
    expect(splitOffice("毕业生就业率（含升学）", isOffice)).toEqual({ name: "毕业生就业率（含升学）", officeText: null, unknownBracket: "含升学" });
  });
});

describe("resolveOffices", () => {
  const aliases = new Map([
    ["财务处", [{ id: 4, name: "财务管理处" }]],
    ["基金监督处", [{ id: 5, name: "基金监督处" }]],
    ["各社保处", [1, 2, 3].map((id) => ({ id, name: `社保处${id}` }))],
  ]);
  it("maps aliases to organisations, one alias to many, and reports what it cannot resolve", () => {
    expect(resolveOffices(officeParts("财务处、基金监督处"), aliases)).toEqual({ orgs: [{ id: 4, name: "财务管理处" }, { id: 5, name: "基金监督处" }], unresolved: [] });
    expect(resolveOffices(["各社保处"], aliases).orgs).toHaveLength(3);
    expect(resolveOffices(["宣传处"], aliases)).toEqual({ orgs: [], unresolved: ["宣传处"] });
  });
});
