// Being built.
import PlaceholderPage from '../../components/PlaceholderPage.tsx';

export default PlaceholderPage;
