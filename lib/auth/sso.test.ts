import { describe, expect, it } from "vitest";
import { ssoProvider, ssoUsername } from "./sso";

describe("single sign-on from environment variables", () => {
  it("is off unless issuer, client id and secret are all set", () => {
    expect(ssoProvider({ OIDC_NAME: "SSO" })).toBeNull();
    expect(ssoProvider({ OIDC_ISSUER: "https://sso.example.gov.cn", OIDC_CLIENT_ID: "jixiao", OIDC_NAME: "SSO" })).toBeNull();
    expect(ssoProvider({ OIDC_ISSUER: "https://sso.example.gov.cn", OIDC_CLIENT_ID: "jixiao", OIDC_CLIENT_SECRET: "s", OIDC_NAME: "统一身份认证" })).toEqual({
      id: "sso", name: "统一身份认证", type: "oidc", issuer: "https://sso.example.gov.cn", clientId: "jixiao", clientSecret: "s",
    });
  });
  it("maps a profile to a local username by the configured claim", () => {
    expect(ssoUsername({ preferred_username: "jiangan" }, "preferred_username")).toBe("jiangan");
    expect(ssoUsername({ employee_no: "E1024" }, "employee_no")).toBe("E1024");
    expect(ssoUsername({ preferred_username: "a b; drop" }, "preferred_username")).toBeNull();
    expect(ssoUsername(undefined, "preferred_username")).toBeNull();
  });
});
