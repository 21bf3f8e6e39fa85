// Who is responsible for an indicator row: office names have one home, lib/offices.
export { officeParts, resolveOffices, splitOffice, type OrgRef } from "../offices";
