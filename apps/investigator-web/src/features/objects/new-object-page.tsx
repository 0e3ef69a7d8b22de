import { can, type StaffUser } from "@trace/domain";
import { Alert } from "@trace/ui/alert";
import { Container } from "@trace/ui/page-layout";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation } from "wouter";
import { PageHeading } from "../../app/page-heading";
import { useDocumentTitle } from "../../app/use-document-title";
import { useMessages } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { ObjectForm } from "./object-form";

/** A new draft; its images are added on the object's page once it exists. */
export function NewObjectPage({ user }: { user: StaffUser }) {
  const m = useMessages();
  useDocumentTitle(m.objects.form.newHeading());
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const create = useMutation(
    trpc.objects.create.mutationOptions({
      onSuccess: (object) => {
        // The list is cached for 30 s: without this, "Back to objects" would not show the draft.
        void queryClient.invalidateQueries({ queryKey: trpc.objects.list.queryKey() });
        navigate(`/objects/${object.id}`);
      },
    }),
  );
  return (
    <Container>
      <p className="iw-back">
        <Link href="/objects">
          <span aria-hidden="true">← </span>
          {m.objects.detail.backToList()}
        </Link>
      </p>
      <PageHeading>{m.objects.form.newHeading()}</PageHeading>
      {can(user.role, "object.edit") ? (
        <ObjectForm
          submitLabel={m.objects.form.create()}
          isPending={create.isPending}
          error={create.error}
          onSubmit={(content) => create.mutate(content)}
        />
      ) : (
        <Alert tone="warning" title={m.objects.forbidden()} />
      )}
    </Container>
  );
}
