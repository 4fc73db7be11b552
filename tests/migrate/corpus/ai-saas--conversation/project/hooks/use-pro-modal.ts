// Stand-in for the zustand "upgrade to pro" modal store.
let isOpen = false;

export const useProModal = () => ({
  isOpen,
  onOpen: () => {
    isOpen = true;
  },
  onClose: () => {
    isOpen = false;
  },
});
