import { BUDGET_MS } from '../../lib/deadlines';
import '../../components/extension-pages.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { StatusPopup } from '../../components/popup/StatusPopup';
import type { EngineStatus, VerdictRecord } from '../../lib/messaging/protocol';
import { sendMessage } from '../../lib/messaging/runtime-browser';
import { tabVerdicts } from '../../lib/storage/tab-verdicts-browser';
import { unlockWithPassphrase } from '../../lib/storage/roster-lock-browser';

/** The popup asks while it is open; a cold engine answers within a few seconds. */
const POLL_MS = 1_000;

function Popup() {
  const [status, setStatus] = useState<EngineStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [verdicts, setVerdicts] = useState<VerdictRecord[]>([]);
  const [verdictsError, setVerdictsError] = useState<string | null>(null);
  const [unlocking, setUnlocking] = useState(false);
  const [unlockError, setUnlockError] = useState<string | null>(null);

  const onUnlock = async (passphrase: string) => {
    setUnlocking(true);
    setUnlockError(null);
    const unlocked = await unlockWithPassphrase(passphrase);
    setUnlocking(false);
    if (!unlocked.ok) return setUnlockError(unlocked.error.message);
    setStatus(unlocked.value);
  };

  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined) {
        const kept = await tabVerdicts(tab.id);
        setVerdicts(kept.ok ? kept.value : []);
        setVerdictsError(kept.ok ? null : kept.error.message);
      }
      const reply = await sendMessage('engineStatus', null, { timeoutMs: BUDGET_MS.status, what: 'Asking the checking engine' });
      if (stopped) return;
      setStatus(reply.ok ? reply.value : null);
      setStatusError(reply.ok ? null : reply.error.message);
      // Keep asking while the models load, so "loading" turns into "ready" in front of the person.
      if (reply.ok && reply.value.engine.state === 'loading') setTimeout(() => void refresh(), POLL_MS);
    };
    void refresh();
    return () => {
      stopped = true;
    };
  }, []);

  return (
    <StatusPopup
      status={status}
      statusError={statusError}
      verdicts={verdicts}
      verdictsError={verdictsError}
      onUnlock={(passphrase) => void onUnlock(passphrase)}
      unlocking={unlocking}
      unlockError={unlockError}
    />
  );
}

const root = document.getElementById('root');
if (root !== null) createRoot(root).render(<Popup />);
