import { Alert } from "@trace/ui/alert";
import { Button } from "@trace/ui/button";
import { Card } from "@trace/ui/card";
import { Field, TextInput } from "@trace/ui/field";
import { ProgressBar } from "@trace/ui/progress-bar";
import { Spinner } from "@trace/ui/spinner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type DragEvent, type FormEvent } from "react";
import type { ImageUploadResult } from "@trace/domain";
import { useMessages, type Messages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { UploadError, uploadWithProgress } from "@trace/ui/upload";
import type { StaffObjectView } from "./object-detail-page";

type StaffImage = StaffObjectView["images"][number];

/** How often the page asks whether background processing has finished. */
const PROCESSING_POLL_MS = 1500;

/** The JPEG variants as a srcset; the sanitised original until they exist. */
function imageSources(image: StaffImage): { src: string; srcSet?: string } {
  const jpeg = image.variants.filter((v) => v.format === "jpeg");
  if (jpeg.length === 0) return { src: `/media/${image.id}` };
  return {
    src: (jpeg.find((v) => v.width >= 640) ?? jpeg[jpeg.length - 1]!).url,
    srcSet: jpeg.map((v) => `${v.url} ${v.width}w`).join(", "),
  };
}

export function ImagesSection({ object, canEdit }: { object: StaffObjectView; canEdit: boolean }) {
  const m = useMessages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isProcessing = object.images.some((image) => image.status === "pending");
  // While an image is being processed, ask again now and then: its variants appear by themselves.
  useQuery({
    ...trpc.objects.byId.queryOptions({ id: object.id }),
    refetchInterval: isProcessing ? PROCESSING_POLL_MS : false,
  });
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
    <Card as="section" heading={m.objects.images.heading()} headingLevel={2}>
      {object.images.length === 0 ? (
        <p className="iw-muted">{m.objects.images.none()}</p>
      ) : (
        <ol className="iw-image-list">
          {object.images.map((image, index) => (
            <li key={image.id}>
              {/* Served by the staff listener to signed-in staff only. */}
              <img
                {...imageSources(image)}
                sizes="12rem"
                alt={m.objects.images.imageAlt({ n: index + 1, alt: image.alt.en })}
                width={image.width}
                height={image.height}
                loading="lazy"
              />
              <ImageStatus image={image} />
              {canEdit && (
                <div className="iw-image-list__actions">
                  <Button
                    variant="secondary"
                    size="small"
                    disabled={index === 0 || reorder.isPending}
                    onClick={() => move(index, index - 1)}
                  >
                    {m.objects.images.moveUp({ n: index + 1 })}
                  </Button>
                  <Button
                    variant="secondary"
                    size="small"
                    disabled={index === ids.length - 1 || reorder.isPending}
                    onClick={() => move(index, index + 1)}
                  >
                    {m.objects.images.moveDown({ n: index + 1 })}
                  </Button>
                  <Button
                    variant="danger"
                    size="small"
                    isLoading={remove.isPending && remove.variables?.imageId === image.id}
                    onClick={() => remove.mutate({ id: object.id, imageId: image.id })}
                  >
                    {m.objects.images.remove({ n: index + 1 })}
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

function ImageStatus({ image }: { image: StaffImage }) {
  const m = useMessages();
  if (image.status === "pending")
    return <Spinner label={m.objects.images.processing()} isLabelVisible />;
  if (image.status === "failed")
    return <p className="iw-image-list__failed">{m.objects.images.processingFailed()}</p>;
  const widths = new Set(image.variants.map((v) => v.width)).size;
  return <p className="iw-muted">{m.objects.images.processed({ sizes: widths })}</p>;
}

/** The API's message for a refused upload (it says what to do), or a generic one. */
function uploadErrorMessage(m: Messages, error: unknown): string {
  return (error instanceof UploadError && error.serverMessage) || m.objects.images.uploadFailed();
}

function UploadForm({ objectId, onUploaded }: { objectId: string; onUploaded: () => void }) {
  const m = useMessages();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [missingFile, setMissingFile] = useState(false);
  const [isDragOver, setDragOver] = useState(false);
  const [progress, setProgress] = useState(0);
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData();
      form.set("image", chosen);
      form.set("alt", alt);
      setProgress(0);
      return uploadWithProgress<ImageUploadResult>(`/staff-api/objects/${objectId}/images`, form, {
        onProgress: setProgress,
      });
    },
    onSuccess: () => {
      setAlt("");
      setFile(null);
      if (fileRef.current) fileRef.current.value = "";
      onUploaded();
    },
  });
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setMissingFile(false);
    upload.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissingFile(!file);
    if (file) upload.mutate(file);
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragOver(false);
    const dropped = event.dataTransfer.files[0];
    if (!dropped) return;
    if (fileRef.current) fileRef.current.value = "";
    choose(dropped);
  };

  return (
    <form onSubmit={submit} noValidate className="iw-form">
      <div
        className={`iw-drop-zone${isDragOver ? " iw-drop-zone--over" : ""}`}
        onDragOver={onDragOver}
        onDragLeave={() => setDragOver(false)}
        onDrop={onDrop}
      >
        <Field
          label={m.objects.images.add()}
          hint={m.objects.images.addHint()}
          error={missingFile ? m.objects.images.chooseFile() : undefined}
        >
          {(props) => (
            <input
              {...props}
              ref={fileRef}
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif"
              className="t-input"
              onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
        <p className="iw-muted" aria-live="polite">
          {file ? m.objects.images.selected({ name: file.name }) : m.objects.images.dropHere()}
        </p>
      </div>
      <Field label={m.objects.images.alt()}>
        {(props) => (
          <TextInput
            {...props}
            maxLength={500}
            value={alt}
            onChange={(e) => setAlt(e.target.value)}
          />
        )}
      </Field>
      {upload.isPending && (
        <ProgressBar
          label={m.objects.images.uploading()}
          value={progress}
          valueText={m.objects.images.percent({ value: Math.floor(progress * 100) })}
        />
      )}
      {upload.isError && <Alert tone="danger" title={uploadErrorMessage(m, upload.error)} />}
      {upload.isSuccess && <p role="status">{m.objects.images.uploaded()}</p>}
      <Button type="submit" variant="secondary" isLoading={upload.isPending}>
        {m.objects.images.upload()}
      </Button>
    </form>
  );
}
