import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call } from '../api';
import { Alert, RequiredNote } from '../components/fields';
import { OfficeFields, type OfficeDraft } from '../components/OfficeFields';
import { base64ToBlob } from '../lib/files';
import { useAction, useFocusFirstInvalid } from '../lib/useAction';
import { useSession } from '../session';

export function OfficeSettings() {
  const { office, setOffice } = useSession();
  const [draft, setDraft] = useState<OfficeDraft>(office);
  const [savedLogo, setSavedLogo] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, action.fields);

  useEffect(() => {
    if (!office.logoSha256) return;
    let url: string | null = null;
    let live = true;
    call('attachments.get', { sha256: office.logoSha256 })
      .then((f) => {
        if (!live) return;
        url = URL.createObjectURL(base64ToBlob(f.dataBase64, f.mime));
        setSavedLogo(url);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [office.logoSha256]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (action.busy) return;
    setSaved(false);
    const result = await action.run(() => call('office.update', draft));
    if (result.ok) {
      setOffice(result.value);
      setDraft(result.value);
      setSaved(true);
    }
  }

  return (
    <form ref={formRef} className="card" onSubmit={submit} noValidate aria-labelledby="office-settings-title">
      <h2 id="office-settings-title">Profil kantor</h2>
      <p className="muted">Dipakai untuk kop lembar disposisi dan tanda terima. Perubahan berlaku untuk dokumen yang dibuat sesudahnya.</p>
      {action.error && <Alert kind="error">{action.error}</Alert>}
      {saved && <Alert kind="success">Profil kantor tersimpan.</Alert>}
      <RequiredNote />
      <OfficeFields
        idPrefix="set-office"
        value={draft}
        onChange={(v) => {
          action.dismiss((Object.keys(v) as Array<keyof OfficeDraft>).filter((k) => v[k] !== draft[k]));
          setDraft(v);
          setSaved(false);
        }}
        errors={action.fields}
        uploadLogo={(name, dataBase64) => call('attachments.upload', { name, dataBase64 })}
        savedLogoUrl={savedLogo}
        autoFocus
      />
      <div className="actions">
        <span className="spacer" />
        <button type="submit" className="btn btn--primary" disabled={action.busy}>
          {action.busy ? 'Menyimpan…' : 'Simpan profil kantor'}
        </button>
      </div>
    </form>
  );
}
