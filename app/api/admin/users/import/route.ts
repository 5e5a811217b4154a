import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { storeUpload } from "@/db/queries/admin-import";
import { ACCEPTED_FILE, type UploadProblem } from "@/lib/admin-import/upload";
import { MAX_IMPORT_BYTES } from "@/lib/admin-import/validate";
import { isAppError } from "@/lib/errors";
import { handleRoute, readBytes } from "@/lib/http/handle-route";

/** Room for the multipart framing around a file of MAX_IMPORT_BYTES. */
const FORM_OVERHEAD = 64 * 1024;

/** After the POST, the browser opens this page (303: a GET, whatever the form did). */
const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
const back = (problem: UploadProblem) => seeOther(`/admin/users/import?upload=${problem}`);

/**
 * The import page's form posts the employee file here (multipart, works without JavaScript). The
 * admin is checked before a byte of the body is read; a body over the limit is refused from its
 * Content-Length, or as soon as the bytes pass it, and sends the admin back to the form with its
 * "file too large" message. A good file is stored and its dry run opens; nothing about employees
 * is written here.
 */
export async function POST(request: Request) {
  return handleRoute(request, async () => {
    const admin = await requireApiUser("admin");
    const type = request.headers.get("content-type") ?? "";
    if (!type.toLowerCase().startsWith("multipart/form-data")) return back("missing");

    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readBytes(request, MAX_IMPORT_BYTES + FORM_OVERHEAD);
    } catch (e) {
      if (isAppError(e) && e.code === "too_large:body") return back("too_large");
      throw e;
    }
    const form = await new Response(bytes, { headers: { "content-type": type } })
      .formData()
      .catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File) || file.size === 0) return back("missing");
    if (file.size > MAX_IMPORT_BYTES) return back("too_large");
    if (!ACCEPTED_FILE.test(file.name)) return back("wrong_type");
    const id = await storeUpload({
      actorId: admin.id,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return seeOther(`/admin/users/import/${id}`);
  });
}
