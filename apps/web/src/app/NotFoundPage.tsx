import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <>
      <title>Page not found · IPT Coordination Dashboard</title>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/issues">Go to the issues</Link>.
      </p>
    </>
  );
}
