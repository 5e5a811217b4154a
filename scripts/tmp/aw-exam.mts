const { examState } = await import("/work/wt/assess-wire/db/use-cases/exam-attempt");
const { findUserByEmployeeNo } = await import("/work/wt/assess-wire/db/queries/users");
const u = await findUserByEmployeeNo({ employeeNo: "E1013" });
const t = Date.now();
const s = await examState({ user: { id: u!.id }, certificationId: "counter-service", locale: "zh-CN" });
console.log(Date.now() - t, "ms", JSON.stringify(s).slice(0, 600));
