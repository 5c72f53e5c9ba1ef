import { useRef, useState, type FormEvent } from 'react';
import type { AdminUserView } from '../../../shared/ipc/admin';
import { Banner, Button, Dialog, TextField } from '../../app/theme';
import { announce } from '../announcer/store';
import { createUser, openUser, updateUser } from './actions';
import { parseBotLimit, userLabel, validateUserForm, type UserForm, type UserFormErrors } from './describe';

const EMPTY: UserForm = { email: '', name: '', maxBots: '' };
const BOTS_HELP = 'How many bots this user may run at the same time. Leave empty for the server’s default.';

/** New user: email, name and bot limit, checked here first, then the server's answer in its own words. */
export function CreateUserDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [form, setForm] = useState<UserForm>(EMPTY);
  const [errors, setErrors] = useState<UserFormErrors & { form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [existing, setExisting] = useState<AdminUserView | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const close = () => {
    setForm(EMPTY);
    setErrors({});
    setExisting(null);
    onClose();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const found = validateUserForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return found.email ? emailRef.current?.focus() : undefined;
    setBusy(true);
    const name = form.name.trim();
    const maxConcurrentBots = parseBotLimit(form.maxBots);
    const result = await createUser({
      email: form.email.trim(),
      ...(name ? { name } : {}),
      ...(maxConcurrentBots !== undefined ? { maxConcurrentBots } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      const onEmail = /email/i.test(result.message);
      setErrors(onEmail ? { email: result.message } : { form: result.message });
      if (onEmail) emailRef.current?.focus();
      return;
    }
    // The server finds or creates by email: an existing user comes back unchanged.
    if (result.value.existed) return setExisting(result.value.user);
    announce(`Created ${userLabel(result.value.user)}.`);
    close();
    void openUser(result.value.user.id);
  };

  if (existing) {
    return (
      <Dialog
        key="existing"
        open={open}
        title="This user already exists"
        description={
          <p className="break">
            The server already has a user with the email {existing.email}. Nothing was changed: the name and bot limit you typed were not
            applied.
          </p>
        }
        onClose={close}
        actions={
          <>
            <Button variant="ghost" onClick={close}>
              Close
            </Button>
            <Button
              variant="primary"
              data-autofocus
              onClick={() => {
                close();
                void openUser(existing.id);
              }}
            >
              Open this user
            </Button>
          </>
        }
      />
    );
  }

  return (
    <Dialog
      key="form"
      open={open}
      title="New user"
      description={<p>The user can then get API keys of their own. Nobody is emailed.</p>}
      onClose={close}
      actions={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button variant="primary" busy={busy} onClick={() => void submit()}>
            Create user
          </Button>
        </>
      }
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          ref={emailRef}
          label="Email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          data-autofocus
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
          error={errors.email}
        />
        <TextField
          label="Name"
          autoComplete="off"
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          error={errors.name}
          help="Optional."
        />
        <TextField
          label="Bots at once"
          inputMode="numeric"
          autoComplete="off"
          value={form.maxBots}
          onChange={(e) => setForm({ ...form, maxBots: e.target.value })}
          error={errors.maxBots}
          help={BOTS_HELP}
        />
        {errors.form ? <Banner tone="error">{errors.form}</Banner> : null}
        {/* Enter in any field submits. */}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

/** Changes what this server lets an administrator change (G1/G2: name and bot limit; G3: bot limit). */
export function EditUserDialog({
  open,
  user,
  fields,
  onClose,
}: {
  open: boolean;
  user: AdminUserView;
  fields: ReadonlyArray<'name' | 'maxConcurrentBots'>;
  onClose(): void;
}) {
  const initial: UserForm = { email: user.email ?? '', name: user.name ?? '', maxBots: user.maxConcurrentBots?.toString() ?? '' };
  const [form, setForm] = useState<UserForm>(initial);
  const [errors, setErrors] = useState<UserFormErrors & { form?: string }>({});
  const [busy, setBusy] = useState(false);

  const close = () => {
    setErrors({});
    onClose();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const found = validateUserForm(form, { emailRequired: false });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const patch: { userId: string; name?: string; maxConcurrentBots?: number } = { userId: user.id };
    if (fields.includes('name') && form.name.trim() !== (user.name ?? '')) patch.name = form.name.trim();
    const bots = parseBotLimit(form.maxBots);
    if (fields.includes('maxConcurrentBots') && bots !== undefined && bots !== user.maxConcurrentBots) patch.maxConcurrentBots = bots;
    if (Object.keys(patch).length === 1) return close();
    setBusy(true);
    const result = await updateUser(patch);
    setBusy(false);
    if (!result.ok) return setErrors({ form: result.message });
    announce(`Saved the changes to ${userLabel(result.value)}.`);
    close();
  };

  return (
    <Dialog
      open={open}
      title={`Edit ${userLabel(user)}`}
      description={fields.includes('name') ? undefined : <p>This server lets an administrator change only the bot limit.</p>}
      onClose={close}
      actions={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button variant="primary" busy={busy} onClick={() => void submit()}>
            Save changes
          </Button>
        </>
      }
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        {fields.includes('name') ? (
          <TextField
            label="Name"
            autoComplete="off"
            data-autofocus
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            error={errors.name}
          />
        ) : null}
        {fields.includes('maxConcurrentBots') ? (
          <TextField
            label="Bots at once"
            inputMode="numeric"
            autoComplete="off"
            value={form.maxBots}
            onChange={(e) => setForm({ ...form, maxBots: e.target.value })}
            error={errors.maxBots}
            help="How many bots this user may run at the same time."
          />
        ) : null}
        {errors.form ? <Banner tone="error">{errors.form}</Banner> : null}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
