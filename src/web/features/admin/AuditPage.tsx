// placeholder, replaced by the features helper
import PlaceholderPage from '../../components/PlaceholderPage.tsx';

export default function AuditPage() {
  return <PlaceholderPage />;
}
