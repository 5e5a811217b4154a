import { branches, users } from "../schema";

/** A branch as lists and pickers show it (both names, for localName). */
export const branchColumns = {
  id: branches.id,
  code: branches.code,
  name: branches.name,
  nameEn: branches.nameEn,
  path: branches.path,
  active: branches.active,
};

/** A person with their branch's names, for queries that join users to branches. */
export const personColumns = {
  id: users.id,
  employeeNo: users.employeeNo,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  hireDate: users.hireDate,
  branchId: users.branchId,
  branchName: branches.name,
  branchNameEn: branches.nameEn,
};
