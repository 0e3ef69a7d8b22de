import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, TextInput } from "@trace/ui/field";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { t } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import type { StaffObjectView } from "./object-detail-page";

/** Sends one image to the staff upload route (multipart; the session cookie goes along). */
async function uploadImage(objectId: string, file: File, alt: string): Promise<void> {
  const form = new FormData();
  form.set("image", file);
  form.set("alt", alt);
  const res = await fetch(`/staff-api/objects/${objectId}/images`, {
    method: "POST",
    body: form,
    credentials: "same-origin",
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? t.objects.images.uploadFailed);
  }
}

export function ImagesSection({ object, canEdit }: { object: StaffObjectView; canEdit: boolean }) {
  const i = t.objects.images;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onChanged = (data?: StaffObjectView) => {
    if (data) queryClient.setQueryData(trpc.objects.byId.queryKey({ id: object.id }), data);
    else
      void queryClient.invalidateQueries({
        queryKey: trpc.objects.byId.queryKey({ id: object.id }),
      });
    void queryClient.invalidateQueries({ queryKey: trpc.objects.list.queryKey() });
  };
  const reorder = useMutation(trpc.objects.reorderImages.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(trpc.objects.removeImage.mutationOptions({ onSuccess: onChanged }));
  const ids = object.images.map((image) => image.id);
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    reorder.mutate({ id: object.id, imageIds: next });
  };
  const error = reorder.error ?? remove.error;

  return (
    <Card as="section" heading={i.heading} headingLevel={2}>
      {object.images.length === 0 ? (
        <p className="iw-muted">{i.none}</p>
      ) : (
        <ol className="iw-image-list">
          {object.images.map((image, index) => (
            <li key={image.id}>
              {/* Served by the staff listener to signed-in staff only. */}
              <img
                src={`/media/${image.id}`}
                alt={i.imageAlt(index + 1, image.alt.en)}
                width={image.width}
                height={image.height}
                loading="lazy"
              />
              {canEdit && (
                <div className="iw-image-list__actions">
                  <Button
                    variant="secondary"
                    size="small"
                    disabled={index === 0 || reorder.isPending}
                    onClick={() => move(index, index - 1)}
                  >
                    {i.moveUp(index + 1)}
                  </Button>
                  <Button
                    variant="secondary"
                    size="small"
                    disabled={index === ids.length - 1 || reorder.isPending}
                    onClick={() => move(index, index + 1)}
                  >
                    {i.moveDown(index + 1)}
                  </Button>
                  <Button
                    variant="danger"
                    size="small"
                    isLoading={remove.isPending && remove.variables?.imageId === image.id}
                    onClick={() => remove.mutate({ id: object.id, imageId: image.id })}
                  >
                    {i.remove(index + 1)}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {error && <Alert tone="danger" title={error.message} />}
      {canEdit && <UploadForm objectId={object.id} onUploaded={() => onChanged()} />}
    </Card>
  );
}

function UploadForm({ objectId, onUploaded }: { objectId: string; onUploaded: () => void }) {
  const i = t.objects.images;
  const fileRef = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState("");
  const [missingFile, setMissingFile] = useState(false);
  const upload = useMutation({
    mutationFn: (file: File) => uploadImage(objectId, file, alt),
    onSuccess: () => {
      setAlt("");
      if (fileRef.current) fileRef.current.value = "";
      onUploaded();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setMissingFile(!file);
    if (file) upload.mutate(file);
  };
  return (
    <form onSubmit={submit} noValidate className="iw-form">
      <Field label={i.add} hint={i.addHint} error={missingFile ? i.chooseFile : undefined}>
        {(props) => (
          <input
            {...props}
            ref={fileRef}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="t-input"
          />
        )}
      </Field>
      <Field label={i.alt}>
        {(props) => (
          <TextInput
            {...props}
            maxLength={500}
            value={alt}
            onChange={(e) => setAlt(e.target.value)}
          />
        )}
      </Field>
      {upload.isError && <Alert tone="danger" title={upload.error.message} />}
      {upload.isSuccess && <p role="status">{i.uploaded}</p>}
      <Button type="submit" variant="secondary" isLoading={upload.isPending}>
        {i.upload}
      </Button>
    </form>
  );
}
