const { loadCatalog } = await import("/work/wt/assess-wire/db/queries/content-catalog");
let t = Date.now();
const c = await loadCatalog();
console.log("load", Date.now() - t); t = Date.now();
for (const slug of c.chapterSlugs()) { c.findChapter(slug, "zh-CN"); console.log(slug, Date.now() - t); t = Date.now(); }
const { examState } = await import("/work/wt/assess-wire/db/use-cases/exam-attempt");
const { findUserByEmployeeNo } = await import("/work/wt/assess-wire/db/queries/users");
const u = await findUserByEmployeeNo({ employeeNo: "E1013" });
t = Date.now();
await examState({ user: { id: u!.id }, certificationId: "counter-service", locale: "zh-CN" });
console.log("exam", Date.now() - t); t = Date.now();
await examState({ user: { id: u!.id }, certificationId: "counter-service", locale: "zh-CN" });
console.log("exam again", Date.now() - t);
