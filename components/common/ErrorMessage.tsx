/** A problem the person must read before going on; announced at once by screen readers. Renders nothing when there is none. */
export function ErrorMessage({ children }: { children: string | null }) {
  if (children === null) return null;
  return (
    <p role="alert" className="cp-error">
      {children}
    </p>
  );
}
