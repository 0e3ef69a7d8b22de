import { useState, type ChangeEvent } from "react";
import { Button } from "@trace/ui/button";
import { Field } from "@trace/ui/field";
import { ProgressBar } from "@trace/ui/progress-bar";
import { MAX_TIP_PHOTOS } from "@trace/domain";
import { useFormMessages, type Messages } from "../../i18n";
import type { useTipPhotos, TipPhoto } from "./use-tip-photos";

const ACCEPTED = "image/jpeg,image/png,image/webp,image/avif";

function failureText(photo: TipPhoto, m: Messages): string {
  // An API error code with a message of its own, or the general "could not be sent".
  const key =
    photo.failure !== null && Object.hasOwn(m.tipForm.photos.errors, photo.failure)
      ? (photo.failure as keyof Messages["tipForm"]["photos"]["errors"])
      : "failed";
  return m.tipForm.photos.errors[key]();
}

/** Optional photos on the tip form: chosen, uploaded at once with progress, removable. */
export function TipPhotos({ state, id }: { state: ReturnType<typeof useTipPhotos>; id: string }) {
  const m = useFormMessages();
  const [notice, setNotice] = useState<string | null>(null);
  const isFull = state.photos.length >= MAX_TIP_PHOTOS;

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    // Cleared, so choosing the same file again (after removing it) is seen as a change.
    event.currentTarget.value = "";
    const leftOut = state.add(files);
    setNotice(leftOut > 0 ? m.tipForm.photos.tooMany({ max: MAX_TIP_PHOTOS }) : null);
  };

  return (
    <div className="app-tip-photos">
      <Field
        label={m.tipForm.photos.label()}
        hint={m.tipForm.photos.hint({ max: MAX_TIP_PHOTOS })}
        error={notice ?? undefined}
        id={id}
      >
        {(props) => (
          <input
            {...props}
            type="file"
            accept={ACCEPTED}
            multiple
            disabled={isFull}
            onChange={choose}
            className="t-input app-tip-photos__input"
          />
        )}
      </Field>
      {state.photos.length > 0 && (
        <ul className="app-tip-photos__list" aria-label={m.tipForm.photos.listLabel()}>
          {state.photos.map((photo, index) => {
            const n = index + 1;
            return (
              <li key={photo.key} className="app-tip-photos__item">
                <img src={photo.previewUrl} alt="" className="app-tip-photos__preview" />
                <div className="app-tip-photos__status">
                  <span className="app-tip-photos__name">{photo.name}</span>
                  {photo.state === "uploading" && (
                    <ProgressBar
                      label={m.tipForm.photos.uploading({ n })}
                      value={photo.progress}
                      valueText={m.tipForm.photos.percent({
                        value: Math.floor(photo.progress * 100) / 100,
                      })}
                    />
                  )}
                  {photo.state === "attached" && (
                    <p role="status">{m.tipForm.photos.attached({ n })}</p>
                  )}
                  {photo.state === "failed" && (
                    <p role="alert" className="t-field__error">
                      {failureText(photo, m)}
                    </p>
                  )}
                </div>
                <Button
                  type="button"
                  variant="secondary"
                  size="small"
                  onClick={() => state.remove(photo.key)}
                >
                  {m.tipForm.photos.remove({ n })}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
