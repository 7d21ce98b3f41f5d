// placeholder, replaced by the features helper
import PlaceholderPage from '../../components/PlaceholderPage.tsx';

export default function UsersPage() {
  return <PlaceholderPage />;
}
